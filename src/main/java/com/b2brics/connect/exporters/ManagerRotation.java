package com.b2brics.connect.exporters;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.b2brics.connect.accounts.PlatformAdmins;
import com.b2brics.connect.invitations.InvitationsProperties;

/**
 * Fair rotation of the configured managers: the next exporter goes to the manager with the
 * fewest exporters, ties to the one assigned least recently, then to the lowest id. The managers'
 * rows are locked before they are read, so two assignments at one instant (two instances on one
 * PostgreSQL, or two workers) are serialized and the second sees the first's count.
 */
@Component
class ManagerRotation {

	private final JdbcClient jdbc;
	private final ExportersProperties properties;
	private final InvitationsProperties invitations;
	private final PlatformAdmins admins;
	private final Clock clock;

	ManagerRotation(JdbcClient jdbc, ExportersProperties properties, InvitationsProperties invitations,
			PlatformAdmins admins, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.invitations = invitations;
		this.admins = admins;
		this.clock = clock;
	}

	/** The managers as configured now: exporters' own, else the invitations' managers, else the platform admins. */
	List<Long> managers() {
		if (!properties.managers().isEmpty()) {
			return properties.managers();
		}
		if (!invitations.managerTelegramIds().isEmpty()) {
			return invitations.managerTelegramIds();
		}
		return admins.ids();
	}

	/** Picks the next manager and counts the assignment, in the caller's transaction; empty when nobody is configured. */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Long> assign() {
		List<Long> managers = managers();
		if (managers.isEmpty()) {
			return Optional.empty();
		}
		for (Long manager : managers) {
			jdbc.sql("INSERT INTO exporter_managers (telegram_user_id) VALUES (:id) ON CONFLICT DO NOTHING")
				.param("id", manager)
				.update();
		}
		// locks every configured manager's row, always in the same order (no deadlock); a concurrent
		// assignment waits here until the other one committed
		jdbc.sql("SELECT telegram_user_id FROM exporter_managers WHERE telegram_user_id IN (:ids) ORDER BY telegram_user_id FOR UPDATE")
			.param("ids", managers)
			.query(Long.class)
			.list();
		// a new statement: under READ COMMITTED it sees what the assignment we waited for committed
		long next = jdbc.sql("""
				SELECT telegram_user_id FROM exporter_managers WHERE telegram_user_id IN (:ids)
				ORDER BY assigned_count, last_assigned_seq, telegram_user_id LIMIT 1""")
			.param("ids", managers)
			.query(Long.class)
			.single();
		long seq = jdbc.sql("SELECT COALESCE(MAX(last_assigned_seq), 0) + 1 FROM exporter_managers").query(Long.class).single();
		jdbc.sql("""
				UPDATE exporter_managers SET assigned_count = assigned_count + 1, last_assigned_seq = :seq, last_assigned_at = :now
				WHERE telegram_user_id = :id""")
			.param("seq", seq)
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("id", next)
			.update();
		return Optional.of(next);
	}
}
