package com.b2brics.connect.leads;

/** A lead was closed (by the partner, staff or inactivity); its group is going back to the pool. */
public record LeadClosed(long leadId, long chatId) {
}
