/**
 * Reports for everyone who may read them: the send history with filters, keyset paging
 * and exports, per-campaign and per-run reports, the dashboard's charts, and the audit
 * log view. Read-only: it reads the delivery and audit tables with plain SQL (see ADR
 * 0003) and changes nothing but the audit line that records an export.
 */
@ApplicationModule(allowedDependencies = { "audit", "chatapp", "delivery", "tencent" })
@NullMarked
package dev.herald.report;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
