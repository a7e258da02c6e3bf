/**
 * Performance baselines and availability: what "normal" is per service and image, recorded by Nightwatch while it
 * watches (query latency of a fixed set of cheap queries, ingestion rates, memory; the observed states), kept 30 days
 * in the store, and read by the audit, the tiles (a service far off its baseline) and the upgrade gate (the new
 * version against the old one's baseline).
 */
package io.nightwatch.baseline;
