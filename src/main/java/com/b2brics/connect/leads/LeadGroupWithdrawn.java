package com.b2brics.connect.leads;

/**
 * A lead's group went back to the pool while the lead stays open: its importer did not enter it
 * within the grace period, or an admin took it back. The lead waits for its importer; response
 * clocks stop (nobody is there to answer); a later {@link LeadGroupOpened} starts them afresh.
 */
public record LeadGroupWithdrawn(long leadId, long chatId) {
}
