package handoff.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import handoff.core.integration.Operation;
import handoff.core.session.OperationProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form values (operation arguments, results, progress) are stored as JSON strings: they are read
 * and written whole, never queried, and JSON keeps them readable in the console.
 */
final class JsonColumns {
    private static final TypeReference<List<Map<String, Object>>> LIST_OF_MAPS = new TypeReference<>() {};

    private final ObjectMapper json;

    JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    String operations(List<Operation> operations) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Operation op : operations) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("resource", op.resource());
            row.put("action", op.action());
            if (!op.arguments().isEmpty()) row.put("arguments", op.arguments());
            rows.add(row);
        }
        return write(rows);
    }

    @SuppressWarnings("unchecked")
    List<Operation> operations(String stored) {
        return readList(stored).stream()
                .map(row -> new Operation((String) row.get("resource"), (String) row.get("action"),
                        (Map<String, Object>) row.get("arguments")))
                .toList();
    }

    String results(List<Map<String, Object>> results) {
        return write(results);
    }

    List<Map<String, Object>> results(String stored) {
        return stored == null ? null : readList(stored);
    }

    String progress(List<OperationProgress> progress) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OperationProgress p : progress) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("resource", p.resource());
            row.put("action", p.action());
            row.put("state", p.state().name());
            if (p.result() != null) row.put("result", p.result());
            if (p.errorCode() != null) row.put("errorCode", p.errorCode());
            if (p.finishedAt() != null) row.put("finishedAt", p.finishedAt().toEpochMilli());
            rows.add(row);
        }
        return write(rows);
    }

    @SuppressWarnings("unchecked")
    List<OperationProgress> progress(String stored) {
        return readList(stored).stream()
                .map(row -> new OperationProgress((String) row.get("resource"), (String) row.get("action"),
                        OperationProgress.State.valueOf((String) row.get("state")),
                        (Map<String, Object>) row.get("result"), (String) row.get("errorCode"),
                        row.get("finishedAt") instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null))
                .toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Value cannot be stored as JSON", e);
        }
    }

    private List<Map<String, Object>> readList(String stored) {
        try {
            return json.readValue(stored, LIST_OF_MAPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON column is corrupt", e);
        }
    }
}
