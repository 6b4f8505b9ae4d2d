package com.b2brics.connect.deals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The deal room's small parsers and the agreement's hash, without Spring. */
class DealTextsTests {

	@Test
	void theHashIsOverTheExactUtf8Text() {
		assertThat(Agreements.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Agreements.sha256("Доставка 20.12")).hasSize(64).isNotEqualTo(Agreements.sha256("Доставка 20.12 "));
	}

	@Test
	void anEditedMessageIsAnAgreementOnlyWhenItIsAnAgreeCommand() {
		assertThat(Agreements.editedAgreeText("/agree Delivery by Friday")).contains("Delivery by Friday");
		assertThat(Agreements.editedAgreeText("/agree@B2bricsBot  two\nlines ")).contains("two\nlines");
		assertThat(Agreements.editedAgreeText("/agree")).contains("");
		assertThat(Agreements.editedAgreeText("/agreement x")).isEmpty();
		assertThat(Agreements.editedAgreeText("we agree")).isEmpty();
		assertThat(Agreements.editedAgreeText(null)).isEmpty();
	}

	@Test
	void aBlockerTakesItsProposalAfterTheFirstBar() {
		assertThat(Blockers.Input.parse(" No certificate | send a scan | or wait ")).isEqualTo(new Blockers.Input("No certificate",
				"send a scan | or wait"));
		assertThat(Blockers.Input.parse("No certificate")).isEqualTo(new Blockers.Input("No certificate", null));
		assertThat(Blockers.Input.parse("No certificate |  ")).isEqualTo(new Blockers.Input("No certificate", null));
		assertThat(Blockers.Input.parse("| only a plan")).isEqualTo(new Blockers.Input("", "only a plan"));
		assertThat(Blockers.Input.parse(null)).isEqualTo(new Blockers.Input("", null));
	}
}
