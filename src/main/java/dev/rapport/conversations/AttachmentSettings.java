package dev.rapport.conversations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.Set;

/**
 * @param directory          where attachment files are kept
 * @param maxSize            the largest file accepted
 * @param blockedExtensions  file types refused because they could run code on an agent's computer or in the browser
 * @param maxPerMessage      how many files one message an agent writes can carry
 * @param maxTotalSize       how much one message's files can add up to (an email with them must stay under the
 *                           SMTP servers' limits, commonly 25 MB after encoding)
 */
@ConfigurationProperties("rapport.attachments")
public record AttachmentSettings(@DefaultValue("./data/attachments") Path directory,
                                 @DefaultValue("10MB") DataSize maxSize,
                                 @DefaultValue({"exe", "bat", "cmd", "com", "msi", "scr", "pif", "vbs", "js", "jse",
                                         "wsf", "ps1", "sh", "jar", "apk", "dll", "lnk", "reg", "hta", "html", "htm",
                                         "svg", "xhtml"}) Set<String> blockedExtensions,
                                 @DefaultValue("10") int maxPerMessage,
                                 @DefaultValue("18MB") DataSize maxTotalSize) {
}
