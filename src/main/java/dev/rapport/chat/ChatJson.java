package dev.rapport.chat;

import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON of the chat protocol's events, written one way for every transport. */
public final class ChatJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChatJson() {
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(String json) {
        return JSON.readValue(json, Map.class);
    }

    /** A line as the widget and the agents' panel see it. */
    public static Map<String, Object> line(ChatLine line) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", "line");
        map.put("seq", line.seq());
        map.put("id", line.clientId());
        map.put("author", line.author().name().toLowerCase());
        map.put("name", line.authorName());
        map.put("body", line.body());
        map.put("at", line.createdAt().toString());
        return map;
    }

    public static String event(String type, Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return write(map);
    }
}
