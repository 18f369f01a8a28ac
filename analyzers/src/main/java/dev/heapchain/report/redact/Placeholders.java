package dev.heapchain.report.redact;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Stable stand-ins for names: {@code class#1a2b3c4d} is the kind and the first 32 bits of the
 * name's SHA-256, so the same name gives the same placeholder in every report, and compare and
 * trend still match chains across redacted reports. Anyone can hash a name they guess and look for
 * it; with a key (HMAC-SHA256) only those who hold the key can. 32 bits: among the few hundred
 * names one report shows, a collision is a one-in-ten-thousand event.
 */
final class Placeholders {
    private final byte[] key;
    private final Map<String, String> cache = new HashMap<>();

    /** @param key null or empty for plain SHA-256 */
    Placeholders(byte[] key) {
        this.key = key == null || key.length == 0 ? null : key.clone();
    }

    /** @param kind "class", "field", "method", "file", "thread", "value" */
    String of(String kind, String name) {
        return cache.computeIfAbsent(kind + '\0' + name, k -> kind + "#" + HexFormat.of().formatHex(digest(name), 0, 4));
    }

    private byte[] digest(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        try {
            if (key == null) {
                return MessageDigest.getInstance("SHA-256").digest(bytes);
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
