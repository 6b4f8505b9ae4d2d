package com.b2brics.connect.leads;

/** A lead's working group is ready: title, context and links are queued, the partner's team is being told. */
public record LeadGroupOpened(long leadId, long chatId, long serviceId, long partnerId, String storefrontSlug,
		long importerId) {
}
