package handoff.lifecycle;

import handoff.testing.TestHandoff;

/** The lifecycle scenarios on DynamoDB Local and ElasticMQ, in-process: runs everywhere. */
class LinkLifecycleIT extends LinkLifecycleScenarios {
    @Override
    TestHandoff newHandoff() {
        return new TestHandoff();
    }
}
