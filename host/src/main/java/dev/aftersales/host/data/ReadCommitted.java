package dev.aftersales.host.data;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a READ COMMITTED transaction, for the claims of the host's work queues (inbox, outbox). Under InnoDB's
 * default REPEATABLE READ, a claim's {@code SELECT ... FOR UPDATE SKIP LOCKED} also locks the gaps it scans, and the
 * webhook endpoint's inserts into the same table then deadlock with it (seen under load in the webhook benchmark).
 * READ COMMITTED locks only the rows claimed.
 */
@Component
public class ReadCommitted {

    private final TransactionTemplate template;

    ReadCommitted(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
        this.template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs {@code work} in a new READ COMMITTED transaction; statements of the host's DSLContext join it. */
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
