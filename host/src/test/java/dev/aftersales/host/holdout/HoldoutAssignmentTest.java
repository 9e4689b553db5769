package dev.aftersales.host.holdout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutAssignmentTest {

    private static final String SALT = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String OTHER_SALT = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

    @Test
    void theSameCustomerAndSaltAlwaysGiveTheSameGroup() {
        IntStream.range(0, 200).mapToObj(i -> "c-" + i).forEach(customer ->
                assertThat(HoldoutAssignment.heldOut(SALT, customer, 30))
                        .isEqualTo(HoldoutAssignment.heldOut(SALT, customer, 30)));
    }

    @Test
    void theShareOfHeldOutCustomersMatchesTheSetting() {
        long heldOut = IntStream.range(0, 20_000).filter(i -> HoldoutAssignment.heldOut(SALT, "c-" + i, 20)).count();

        assertThat(heldOut / 20_000.0).isCloseTo(0.20, within(0.015));
    }

    @Test
    void anotherSaltDrawsOtherGroups() {
        long moved = IntStream.range(0, 1000).filter(i -> HoldoutAssignment.heldOut(SALT, "c-" + i, 50)
                != HoldoutAssignment.heldOut(OTHER_SALT, "c-" + i, 50)).count();

        assertThat(moved).isBetween(400L, 600L);
    }
}
