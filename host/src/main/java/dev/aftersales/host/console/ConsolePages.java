package dev.aftersales.host.console;

import dev.aftersales.host.admin.Operator;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page has: the signed-in operator, and one way to end a page whose operator API call failed
 * (a shop the key may not see is "not found", exactly as in the API).
 */
@ControllerAdvice(basePackageClasses = ConsolePages.class)
class ConsolePages {

    private static final Logger log = LoggerFactory.getLogger(ConsolePages.class);

    @ModelAttribute("operator")
    Operator operator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Operator operator ? operator : null;
    }

    @ExceptionHandler(ConsoleFailure.class)
    String failure(ConsoleFailure failure, Model model, HttpServletResponse response) {
        int status = switch (failure.code()) {
            case "NOT_FOUND", "FORBIDDEN" -> HttpServletResponse.SC_NOT_FOUND;
            case "SERVICE_UNAVAILABLE" -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            case "BAD_USER_INPUT", "INVALID" -> HttpServletResponse.SC_BAD_REQUEST;
            default -> HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        };
        if (status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
            log.error("Console page failed: {} {}", failure.code(), failure.getMessage());
        }
        response.setStatus(status);
        // a missing and a forbidden page look the same, so a shop key learns nothing about other shops
        model.addAllAttributes(Map.of("status", status, "code", status == 404 ? "NOT_FOUND" : failure.code(),
                "message", status == 404 ? "" : failure.getMessage()));
        return "console/error";
    }
}
