package dev.aftersales.host.graphql;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;

/**
 * The requesting device as {@code FieldCall.device()} shows it: a SHA-256 of the shop, the client's IP address and
 * its {@code User-Agent}, so features can compare devices without storing addresses.
 */
record ClientDevice(String hash) {

    static ClientDevice of(String shopId, WebGraphQlRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress();
        String agent = String.valueOf(request.getHeaders().getFirst(HttpHeaders.USER_AGENT));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((shopId + "\n" + address + "\n" + agent).getBytes(StandardCharsets.UTF_8));
            return new ClientDevice(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
