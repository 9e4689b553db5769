package dev.aftersales.host.holdout;

import java.time.Instant;

/** One draw of a feature's holdout group: the share held out and its period (open while {@code endedAt} is null). */
public record HoldoutDraw(String featureId, int drawNo, int sharePercent, Instant startedAt, Instant endedAt) {
}
