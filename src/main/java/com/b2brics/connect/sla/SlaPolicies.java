package com.b2brics.connect.sla;

import java.util.Locale;

import org.springframework.stereotype.Service;

import com.b2brics.connect.catalog.Specialization;

/**
 * The SLA policy that applies to a storefront and, optionally, a specialization: the most
 * specific configured policy, field by field, over the less specific ones and the defaults.
 */
@Service
public class SlaPolicies {

	private final SlaProperties properties;

	SlaPolicies(SlaProperties properties) {
		this.properties = properties;
	}

	/** The policy for the storefront and specialization ({@code null}: the storefront's own). */
	public SlaPolicy policyFor(String storefrontSlug, Specialization specialization) {
		SlaPolicy policy = SlaPolicy.DEFAULT.with(properties.policies().get("default"))
			.with(properties.policies().get(storefrontSlug));
		if (specialization != null) {
			policy = policy.with(properties.policies().get(storefrontSlug + "/" + specialization.name().toLowerCase(Locale.ROOT)));
		}
		return policy;
	}
}
