package dev.aftersales.host.privacy;

import java.util.Optional;

/**
 * A customer of one shop whose data is exported or erased.
 *
 * @param email the address the mirror knows for the customer, read before anything is erased (it finds rows that
 *              hold the address but not the customer id, e.g. raw webhook bodies)
 */
public record DataSubject(String shopId, String customerId, Optional<String> email) {
}
