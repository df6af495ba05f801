package dev.rapport.chat;

import dev.rapport.conversations.Attachment;
import dev.rapport.conversations.AttachmentStore;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
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
        return line(line, List.of());
    }

    /**
     * A line with the files attached to it: id, name, content type, size and whether it is a picture shown as one
     * (each side fetches the file itself, agents from {@code /attachments/{id}}, the visitor with their token).
     */
    public static Map<String, Object> line(ChatLine line, List<Attachment> files) {
        Map<String, Object> map = plainLine(line);
        if (!files.isEmpty()) {
            map.put("files", files.stream().map(file -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("id", file.id().toString());
                one.put("name", file.fileName());
                one.put("type", file.contentType());
                one.put("size", file.sizeBytes());
                one.put("sizeLabel", file.sizeLabel());
                one.put("image", AttachmentStore.servedType(file).startsWith("image/"));
                return one;
            }).toList());
        }
        return map;
    }

    private static Map<String, Object> plainLine(ChatLine line) {
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
