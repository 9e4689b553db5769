package dev.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.PageRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingAndIdsTest {

    @Test
    void aConnectionKeepsFirstRowsAndTellsWhetherMoreFollow() {
        PageRequest page = PageRequest.of(2, null);
        Connection<Integer> connection = Connection.of(List.of(1, 2, 3), page, String::valueOf);

        assertThat(connection.nodes()).containsExactly(1, 2);
        assertThat(connection.pageInfo().hasNextPage()).isTrue();

        PageRequest next = PageRequest.of(2, connection.pageInfo().endCursor());
        assertThat(next.after()).contains("2");
        assertThat(Connection.of(List.of(3), next, String::valueOf).pageInfo().hasNextPage()).isFalse();
    }

    @Test
    void firstOutsideOneToAHundredAndForgedCursorsAreBadRequests() {
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(FeatureException.class);
        assertThatThrownBy(() -> PageRequest.of(101, null)).isInstanceOf(FeatureException.class);
        assertThatThrownBy(() -> PageRequest.of(10, "bm90LWEtY3Vyc29y"))
                .isInstanceOfSatisfying(FeatureException.class,
                        e -> assertThat(e.code()).isEqualTo(FeatureException.ErrorCode.BAD_REQUEST));
    }

    @Test
    void globalIdsRoundTripAndRefuseOtherTypes() {
        String id = GlobalId.encode("Wishlist", 42);

        assertThat(GlobalId.decodeLong("Wishlist", id)).contains(42L);
        assertThat(GlobalId.decodeLong("WishlistItem", id)).isEmpty();
        assertThat(GlobalId.decode("Wishlist", "%%%")).isEmpty();
        assertThat(GlobalId.decodeLong("Wishlist", GlobalId.encode("Wishlist", "abc"))).isEmpty();
    }

    @Test
    void theApiKnowsItsVersion() {
        assertThat(PluginApi.VERSION).matches("\\d+\\.\\d+\\.\\d+");
    }
}
