-- A guest's confirmation (activateGuest) and an unsubscribe (deletePendingOf) change all subscriptions of one
-- subscriber_key. Without an index starting with (shop_id, subscriber_key) their UPDATE and DELETE scanned, and under
-- REPEATABLE READ locked, every subscription of the shop with its gaps, blocking concurrent subscribes to any variant.
CREATE INDEX stock_alert_subscription_subscriber_key ON stock_alert_subscription (shop_id, subscriber_key);
