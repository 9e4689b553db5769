package dev.aftersales.host.tenancy;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes a GraphQL-shaped error body for requests refused before GraphQL runs (bad token, bad API key). */
public final class JsonErrorResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonErrorResponses() {
    }

    public static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(),
                Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code)))));
    }
}
