package handoff.infra;

import handoff.names.Functions;
import handoff.names.Names;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.DomainMappingOptions;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Handoff runs on: one HTTP API, one Lambda function per {@link Functions} value (each
 * invoked only through its {@value #ALIAS} alias, so SnapStart snapshots serve every invocation), one
 * DynamoDB table, the sessions queue with its DLQ, the sweeper schedule and the alarms. Every name
 * comes from {@link Names} and {@link Functions}.
 */
public final class HandoffStack extends Stack {

    /** The alias API routes, the SQS event source and the schedule invoke (a published version). */
    public static final String ALIAS = "live";
    /** Lambda's recommended flags for short-lived JVMs: C1 only, which also shortens SnapStart restores. */
    public static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    /** Bounds how many workers the queue can start at once, so a burst of claims cannot starve the API. */
    public static final int WORKER_MAX_CONCURRENCY = 10;
    public static final Duration SWEEP_INTERVAL = Duration.minutes(5);
    /** Long enough to investigate an incident; logs hold ids and outcomes only, never secrets. */
    public static final RetentionDays LOG_RETENTION = RetentionDays.ONE_MONTH;
    /** Stage-wide API throttle; anonymous creation has its own, stricter, per-caller limit in the code. */
    public static final int API_RATE_LIMIT = 100;
    public static final int API_BURST_LIMIT = 200;
    /** API 5xx responses per five minutes that page someone (503s from throttled DynamoDB count too). */
    public static final int API_5XX_THRESHOLD = 5;

    /**
     * HTTP API access-log line. It logs the route key, never the path: {@code GET /claim/{token}}
     * carries a secret in its path, and the design says secrets are never logged.
     */
    static final String ACCESS_LOG_FORMAT = """
            {"requestId":"$context.requestId","ip":"$context.identity.sourceIp",\
            "requestTime":"$context.requestTime","routeKey":"$context.routeKey","status":"$context.status",\
            "protocol":"$context.protocol","responseLength":"$context.responseLength",\
            "responseLatency":"$context.responseLatency","integrationLatency":"$context.integration.latency",\
            "integrationStatus":"$context.integration.status",\
            "integrationError":"$context.integrationErrorMessage","userAgent":"$context.identity.userAgent"}""";

    private final Table table;
    private final Queue sessionsQueue;
    private final Queue sessionsDlq;
    private final HttpApi api;
    private final HttpStage apiStage;
    private final Map<Functions, Function> functions = new EnumMap<>(Functions.class);
    private final Map<Functions, Alias> aliases = new EnumMap<>(Functions.class);
    private final List<Alarm> alarms = new ArrayList<>();

    public HandoffStack(Construct scope, String id, StackProps props, HandoffConfig config) {
        super(scope, id, props);

        table = createTable(config.stage());

        sessionsDlq = Queue.Builder.create(this, "SessionsDlq")
                .queueName(Names.SESSIONS_DLQ + "-" + config.stage())
                .retentionPeriod(Duration.days(14)) // the maximum: time to inspect and redrive
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        sessionsQueue = Queue.Builder.create(this, "SessionsQueue")
                .queueName(Names.SESSIONS_QUEUE + "-" + config.stage())
                .visibilityTimeout(Duration.seconds(Names.SESSIONS_VISIBILITY_TIMEOUT.toSeconds()))
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(sessionsDlq)
                        .maxReceiveCount(Names.SESSIONS_MAX_RECEIVES)
                        .build())
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();

        // The API is created before the functions so they can be told its URL; the routes come after.
        api = HttpApi.Builder.create(this, "Api")
                .apiName(getStackName())
                .description("Handoff " + config.stage())
                .createDefaultStage(false)
                .build();
        Optional<DomainName> domain = config.customDomain().map(d -> DomainName.Builder.create(this, "ApiDomain")
                .domainName(d.domainName())
                .certificate(Certificate.fromCertificateArn(this, "ApiCertificate", d.certificateArn()))
                .build());
        apiStage = createStage(domain);

        String publicBaseUrl = config.publicBaseUrl()
                .or(() -> config.customDomain().map(d -> "https://" + d.domainName()))
                .orElse(api.getApiEndpoint());
        String appBaseUrl = config.appBaseUrl().orElse(publicBaseUrl);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(Names.Env.TABLE_NAME, table.getTableName());
        environment.put(Names.Env.SESSIONS_QUEUE_URL, sessionsQueue.getQueueUrl());
        environment.put(Names.Env.PUBLIC_BASE_URL, publicBaseUrl);
        environment.put(Names.Env.APP_BASE_URL, appBaseUrl);
        environment.put(Names.Env.OIDC_ISSUER, config.oidcIssuer());
        environment.put(Names.Env.OIDC_AUDIENCE, config.oidcAudience());
        environment.put(Names.Env.OIDC_JWKS_URL, config.oidcJwksUrl());
        environment.put(Names.Env.OIDC_ORG_CLAIM, config.oidcOrgClaim());
        environment.put(Names.Env.SESSION_COOKIE, config.sessionCookie());
        environment.put(Names.Env.SIGN_IN_URL, config.signInUrl().orElse(appBaseUrl + "/sign-in"));
        environment.put(Names.Env.SIGN_UP_URL, config.signUpUrl().orElse(appBaseUrl + "/sign-up"));
        environment.put(Names.Env.ANONYMOUS_CREATES_PER_HOUR, Integer.toString(config.anonymousCreatesPerHour()));
        environment.put(Names.Env.SESSION_DEADLINE_SECONDS, Integer.toString(config.sessionDeadlineSeconds()));
        environment.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);

        // One asset, shared by every function: the shaded jar is uploaded once.
        Code code = Code.fromAsset(config.functionsJar().toString());
        for (Functions f : Functions.values()) {
            createFunction(f, code, environment);
        }
        addRoutes();

        aliases.get(Functions.SESSION_WORKER).addEventSource(new SqsEventSource(sessionsQueue,
                SqsEventSourceProps.builder()
                        .batchSize(Names.WORKER_BATCH_SIZE)
                        .reportBatchItemFailures(true)
                        .maxConcurrency(WORKER_MAX_CONCURRENCY)
                        .build()));

        Rule.Builder.create(this, "SweeperSchedule")
                .description("Runs the expiry sweeper every " + SWEEP_INTERVAL.toMinutes() + " minutes")
                .schedule(Schedule.rate(SWEEP_INTERVAL))
                .targets(List.of(new LambdaFunction(aliases.get(Functions.EXPIRY_SWEEPER), LambdaFunctionProps.builder()
                        // A sweep is idempotent and the next one is minutes away: retry briefly, never late.
                        .retryAttempts(2)
                        .maxEventAge(Duration.minutes(4))
                        .build())))
                .build();

        createAlarms(config);
        suppressNagFindings();

        CfnOutput.Builder.create(this, "ApiUrl")
                .description("Base URL of the Handoff API")
                .value(config.customDomain().map(d -> "https://" + d.domainName() + "/").orElse(apiStage.getUrl()))
                .build();
        CfnOutput.Builder.create(this, "TableName").value(table.getTableName()).build();
        CfnOutput.Builder.create(this, "SessionsQueueUrl").value(sessionsQueue.getQueueUrl()).build();
        domain.ifPresent(d -> CfnOutput.Builder.create(this, "ApiDomainTarget")
                .description("Point a CNAME/alias record for the custom domain at this name")
                .value(d.getRegionalDomainName())
                .build());
    }

    private Table createTable(String stage) {
        Table t = Table.Builder.create(this, "Table")
                .tableName(Names.TABLE + "-" + stage)
                .partitionKey(stringKey(Names.PARTITION_KEY))
                .sortKey(stringKey(Names.SORT_KEY))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute(Names.TTL)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .encryption(TableEncryption.AWS_MANAGED)
                .build();
        for (Names.Index index : Names.INDEXES) {
            t.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(stringKey(index.partitionKey()))
                    .sortKey(stringKey(index.sortKey()))
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
        return t;
    }

    private static Attribute stringKey(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    private HttpStage createStage(Optional<DomainName> domain) {
        LogGroup accessLogs = LogGroup.Builder.create(this, "ApiAccessLogs")
                .retention(LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        var options = HttpStageOptions.builder()
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(API_RATE_LIMIT).burstLimit(API_BURST_LIMIT).build())
                .accessLogSettings(new AccessLogs(new LogGroupLogDestination(accessLogs),
                        AccessLogFormat.custom(ACCESS_LOG_FORMAT)));
        domain.ifPresent(d -> options.domainMapping(DomainMappingOptions.builder().domainName(d).build()));
        return api.addStage("DefaultStage", options.build());
    }

    /** jsii interface implemented in Java: where and how the stage writes access logs. */
    private static final class AccessLogs implements IAccessLogSettings {
        private final IAccessLogDestination destination;
        private final AccessLogFormat format;

        AccessLogs(IAccessLogDestination destination, AccessLogFormat format) {
            this.destination = destination;
            this.format = format;
        }

        @Override
        public IAccessLogDestination getDestination() {
            return destination;
        }

        @Override
        public AccessLogFormat getFormat() {
            return format;
        }
    }

    private void createFunction(Functions f, Code code, Map<String, String> environment) {
        FunctionProfile profile = FunctionProfile.of(f);
        String functionName = getStackName() + "-" + f.id;

        LogGroup logGroup = LogGroup.Builder.create(this, f.id + "Logs")
                .logGroupName("/aws/lambda/" + functionName)
                .retention(LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        // An explicit role with no managed policies: logs to its own group, then exactly the table and
        // queue actions FunctionProfile lists. (X-Ray's write actions are added by Tracing.ACTIVE.)
        Role role = Role.Builder.create(this, f.id + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Handoff " + f.id + " (least privilege)")
                .build();
        logGroup.grantWrite(role);
        if (!profile.tableActions().isEmpty()) {
            role.addToPolicy(PolicyStatement.Builder.create()
                    .effect(Effect.ALLOW)
                    .actions(profile.tableActions())
                    .resources(List.of(table.getTableArn()))
                    .build());
        }
        profile.queriedIndex().ifPresent(index -> role.addToPolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of(FunctionProfile.QUERY))
                .resources(List.of(table.getTableArn() + "/index/" + index.name()))
                .build()));
        if (profile.sendsSessions()) {
            role.addToPolicy(PolicyStatement.Builder.create()
                    .effect(Effect.ALLOW)
                    .actions(List.of("sqs:SendMessage"))
                    .resources(List.of(sessionsQueue.getQueueArn()))
                    .build());
        }

        Function fn = Function.Builder.create(this, f.id + "Function")
                .functionName(functionName)
                .description("Handoff " + f.id)
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(f.handler())
                .code(code)
                .memorySize(profile.memoryMb())
                .timeout(Duration.seconds(profile.timeout().toSeconds()))
                .role(role)
                .logGroup(logGroup)
                .tracing(Tracing.ACTIVE)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(environment)
                .build();
        // SnapStart only applies to published versions; the alias pins the current one.
        Alias alias = Alias.Builder.create(this, f.id + "Alias")
                .aliasName(ALIAS)
                .version(fn.getCurrentVersion())
                .build();
        Annotations.of(fn).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "Every invocation goes through the alias on currentVersion, a published version");
        functions.put(f, fn);
        aliases.put(f, alias);
    }

    private void addRoutes() {
        for (Functions f : Functions.values()) {
            if (f.routes.isEmpty()) {
                continue;
            }
            var integration = new HttpLambdaIntegration(f.id + "Integration", aliases.get(f));
            for (String routeKey : f.routes) {
                String[] methodAndPath = routeKey.split(" ", 2);
                api.addRoutes(AddRoutesOptions.builder()
                        .methods(List.of(HttpMethod.valueOf(methodAndPath[0])))
                        .path(methodAndPath[1])
                        .integration(integration)
                        .build());
            }
        }
    }

    private void createAlarms(HandoffConfig config) {
        MetricOptions fiveMinuteSum = MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build();

        alarm("SessionsDlqNotEmpty", "A session message failed " + Names.SESSIONS_MAX_RECEIVES
                        + " times and is in the DLQ; its session will be failed by the sweeper",
                sessionsDlq.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Maximum").build()),
                0, ComparisonOperator.GREATER_THAN_THRESHOLD, 1, TreatMissingData.NOT_BREACHING);
        alarm("Api5xx", "The API returned at least " + API_5XX_THRESHOLD + " 5xx responses in 5 minutes",
                api.metricServerError(fiveMinuteSum),
                API_5XX_THRESHOLD, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1,
                TreatMissingData.NOT_BREACHING);
        for (Functions f : Functions.values()) {
            Function fn = functions.get(f);
            alarm(f.id + "Errors", f.id + " invocations failed", fn.metricErrors(fiveMinuteSum),
                    1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, TreatMissingData.NOT_BREACHING);
            alarm(f.id + "Throttles", f.id + " invocations were throttled", fn.metricThrottles(fiveMinuteSum),
                    1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, TreatMissingData.NOT_BREACHING);
        }
        // Errors cannot show a sweeper that never runs (broken schedule, disabled rule): missing
        // invocations for three intervals are an alarm of their own.
        alarm("ExpirySweeperNotRunning", "The expiry sweeper has not run for 15 minutes",
                functions.get(Functions.EXPIRY_SWEEPER).metricInvocations(fiveMinuteSum),
                1, ComparisonOperator.LESS_THAN_THRESHOLD, 3, TreatMissingData.BREACHING);

        config.alarmEmail().ifPresent(email -> {
            Topic topic = Topic.Builder.create(this, "AlarmTopic")
                    .displayName("Handoff " + config.stage() + " alarms")
                    .enforceSsl(true)
                    .build();
            topic.addSubscription(new EmailSubscription(email));
            SnsAction action = new SnsAction(topic);
            alarms.forEach(a -> a.addAlarmAction(action));
        });
    }

    private void alarm(String id, String description, IMetric metric, double threshold,
                       ComparisonOperator comparison, int evaluationPeriods, TreatMissingData missing) {
        alarms.add(Alarm.Builder.create(this, id + "Alarm")
                .alarmName(getStackName() + "-" + id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .evaluationPeriods(evaluationPeriods)
                .treatMissingData(missing)
                .build());
    }

    private void suppressNagFindings() {
        NagSuppressions.addResourceSuppressions(api, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-APIG4")
                .reason("Callers authenticate inside the functions, by route: API keys (hashed, per tenant) on"
                        + " /v1/*, the claim code on /link/*, an OIDC JWT verified against the issuer's JWKS on"
                        + " the consume routes; POST /v1/links must also accept anonymous agents and"
                        + " GET /claim/{token} must render a sign-in page to signed-out visitors, so no single"
                        + " API Gateway authorizer fits")
                .build()), true);
        for (Functions f : Functions.values()) {
            NagSuppressions.addResourceSuppressions(functions.get(f), List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-L1")
                    .reason("Pinned to java21 on purpose: the shared jar is compiled with release 21, SnapStart"
                            + " and the C1-only JAVA_TOOL_OPTIONS were measured on it, and a template test"
                            + " pins it; moving to java25 is a deliberate, tested change, not a drift")
                    .build()));
            NagSuppressions.addResourceSuppressions(functions.get(f).getRole(), List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5")
                    .reason("Tracing.ACTIVE grants xray:PutTraceSegments and xray:PutTelemetryRecords, which"
                            + " support no resource-level permissions (Resource must be *)")
                    .appliesTo(List.of("Resource::*"))
                    .build()), true);
        }
    }

    public Table table() {
        return table;
    }

    public Queue sessionsQueue() {
        return sessionsQueue;
    }

    public HttpApi api() {
        return api;
    }
}
