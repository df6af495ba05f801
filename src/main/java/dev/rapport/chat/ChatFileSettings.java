package dev.rapport.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.Set;

/**
 * What a chat visitor may attach. Kept apart from {@code rapport.attachments} (which every channel obeys as well):
 * a stranger on a website may send only the kinds of file a business expects from a customer.
 *
 * @param maxSize the largest file a visitor may send (the smaller of this and {@code rapport.attachments.max-size}
 *                applies)
 * @param types   the file name extensions a visitor may send; programs, web pages and SVG are never among the defaults
 */
@ConfigurationProperties("rapport.chat.files")
public record ChatFileSettings(@DefaultValue("10MB") DataSize maxSize,
                               @DefaultValue({"png", "jpg", "jpeg", "gif", "webp", "pdf", "txt", "csv", "rtf", "doc",
                                       "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp"}) Set<String> types) {
}
