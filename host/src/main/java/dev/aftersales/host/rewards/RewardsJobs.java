package dev.aftersales.host.rewards;

import static dev.aftersales.host.jooq.Tables.REWARDS_ENTRIES;

import dev.aftersales.api.rewards.EntryState;
import java.time.Clock;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The ledger's host jobs: pending points become available when their time has come (reads and writes of a balance do
 * it too, so nobody waits for the job), and the drift check. Both are safe to run on every instance at once: maturing
 * is a conditional state change under the balance row's lock, and the check only reads.
 */
@Component
public class RewardsJobs {

    private static final Logger log = LoggerFactory.getLogger(RewardsJobs.class);
    private static final int BATCH = 1000;

    private final DSLContext db;
    private final Clock clock;
    private final RewardsLedger ledger;
    private final DriftCheck drift;

    RewardsJobs(DSLContext db, Clock clock, RewardsLedger ledger, DriftCheck drift) {
        this.db = db;
        this.clock = clock;
        this.ledger = ledger;
        this.drift = drift;
    }

    /** Makes every due pending earning available; returns how many entries matured. */
    @Scheduled(fixedDelayString = "${aftersales.rewards.maturation-interval:1m}")
    public int matureDue() {
        int matured = 0;
        while (true) {
            var due = db.selectDistinct(REWARDS_ENTRIES.SHOP_ID, REWARDS_ENTRIES.CUSTOMER_ID).from(REWARDS_ENTRIES)
                    .where(REWARDS_ENTRIES.STATE.eq(EntryState.PENDING.name())
                            .and(REWARDS_ENTRIES.AVAILABLE_AT.le(LedgerRows.utc(clock.instant()))))
                    .limit(BATCH)
                    .fetch();
            for (Record2<String, String> customer : due) {
                matured += ledger.matureIfDue(customer.value1(), customer.value2());
            }
            if (due.size() < BATCH) {
                return matured;
            }
        }
    }

    /** Runs the drift check over every shop; any difference is logged as an error and shown by the gauge. */
    @Scheduled(fixedDelayString = "${aftersales.rewards.drift-interval:1h}", initialDelayString = "PT1M")
    public DriftCheck.Result checkDrift() {
        DriftCheck.Result result = drift.checkAll();
        if (result.customersWithDrift() > 0) {
            log.error("Rewards drift: {} balances differ from their entries, e.g. {}", result.customersWithDrift(),
                    result.drifts().getFirst());
        }
        return result;
    }
}
