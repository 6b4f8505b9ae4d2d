package com.b2brics.connect.partners;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/** The partner's cabinet: for the partner's team in the private chat; anyone else is told why not. */
class CabinetEndToEndTests extends EndToEndTest {

	@Autowired
	Catalog catalog;

	@Test
	void aTeamMemberOpensTheCabinetOthersAreToldWhereAndForWhom() {
		Partner partner = catalog.partners().stream().filter(p -> !catalog.teamMemberIds(p.id()).isEmpty()).findFirst().orElseThrow();
		SimulatedUser member = sandboxTeam(catalog.teamMemberIds(partner.id()).subList(0, 1)).get(0);

		member.writeToBot("/cabinet");
		assertThat(member.sees(member.botChat(), "partner cabinet").text()).contains(partner.companyName());

		SimulatedUser stranger = sandbox.newUser("Stranger", "en");
		stranger.startBot();
		stranger.writeToBot("/cabinet");
		assertThat(stranger.sees(stranger.botChat(), "for members of a partner company").text()).contains("join code");

		long group = addPoolGroup("Cabinet room");
		platformAdmin().write(group, "/cabinet");
		platformAdmin().sees(group, "opens in your private chat");
	}
}
