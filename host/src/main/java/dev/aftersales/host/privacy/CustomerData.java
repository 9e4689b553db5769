package dev.aftersales.host.privacy;

/**
 * What one host capability keeps about customers, for GDPR export and erasure. Each capability that stores personal
 * data registers one as a bean; {@link CustomerPrivacy} calls all of them, so a new host table joins export and
 * erasure by adding a small class here, not by editing a central method.
 *
 * <pre>{@code
 * @Component
 * class OrderMirrorData implements CustomerData {
 *     public String section() { return "orders"; }
 *     public Object export(DataSubject subject) { return ...the customer's orders...; }
 *     public int erase(DataSubject subject) { return ...rows changed...; }
 * }
 * }</pre>
 */
public interface CustomerData {

    /** The name of this part in an export, e.g. {@code orders}. */
    String section();

    /** Everything this capability keeps about the subject, JSON-friendly (maps, lists, strings, numbers). */
    Object export(DataSubject subject);

    /**
     * Deletes or pseudonymises every row about the subject, joining the caller's transaction (the host's
     * {@code DSLContext}). Idempotent: returns how many rows changed, 0 when nothing was left.
     */
    int erase(DataSubject subject);
}
