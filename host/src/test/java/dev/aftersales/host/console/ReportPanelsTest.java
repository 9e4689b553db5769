package dev.aftersales.host.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportPanelsTest {

    private static final String FRAGMENT = """
            extend type Shop {
              "Wishlist figures."
              wishlistReport: WishlistReport!
              "Demand per variant."
              demand(first: Int = 20): [Demand!]!
              "Needs a customer, so it is no panel."
              customerPoints(customerId: ID!): Int!
            }
            type WishlistReport {
              items: Int!
              state: WishlistState!
              mostWished(first: Int = 10): [Wished!]!
              byCustomer(customerId: ID!): [Wished!]!
              nested: Outer!
            }
            type Outer { inner: Wished! }
            type Wished { variantId: ID! customers: Int! deeper: Outer }
            type Demand { variantId: ID! waiting: Int! }
            enum WishlistState { ON OFF }
            """;

    @Test
    void everyShopFieldWithoutRequiredArgumentsBecomesAPanelReadingItsFiguresAndRows() {
        var selections = ReportPanels.selections(FRAGMENT);

        assertThat(selections.keySet()).containsExactly("wishlistReport", "demand");
        assertThat(selections.get("wishlistReport").description()).isEqualTo("Wishlist figures.");
        assertThat(selections.get("wishlistReport").selection())
                .isEqualTo(" { items state mostWished { variantId customers } }");
        assertThat(selections.get("demand").selection()).isEqualTo(" { variantId waiting }");
    }
}
