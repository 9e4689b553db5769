package dev.aftersales.host.console;

import dev.aftersales.host.admin.Operator;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The shop a console page is about, as the operator API shows it to this operator, or "not found". */
@Component
public class ShopAccess {

    private final OperatorApi api;

    public ShopAccess(OperatorApi api) {
        this.api = api;
    }

    public Map<String, Object> shop(Operator operator, String shopId) {
        Map<String, Object> shop = api.call(operator, "query($id: ID!) { shop(id: $id) { id name } }",
                Map.of("id", shopId)).map("shop");
        if (shop == null) {
            throw ConsoleFailure.notFound();
        }
        return shop;
    }
}
