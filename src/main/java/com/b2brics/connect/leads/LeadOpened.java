package com.b2brics.connect.leads;

/** An importer pressed Start on a Contact link: a new lead waits for its working group. */
public record LeadOpened(long leadId, long serviceId, long partnerId, String storefrontSlug, long importerId) {
}
