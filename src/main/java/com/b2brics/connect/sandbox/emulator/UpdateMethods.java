package com.b2brics.connect.sandbox.emulator;

import java.net.URI;
import java.util.List;
import java.util.function.BiConsumer;

/** getMe, getUpdates, the webhook methods, and the bot's own settings (commands, names). */
final class UpdateMethods {

	private final TelegramWorld world;

	private final SandboxSettings settings;

	UpdateMethods(TelegramWorld world, SandboxSettings settings) {
		this.world = world;
		this.settings = settings;
	}

	void register(BiConsumer<String, BotMethod> registry) {
		registry.accept("getMe", p -> world.bot.getMe());
		registry.accept("logOut", p -> true);
		registry.accept("close", p -> true);
		registry.accept("getUpdates", this::getUpdates);
		registry.accept("setWebhook", this::setWebhook);
		registry.accept("deleteWebhook", this::deleteWebhook);
		registry.accept("getWebhookInfo", p -> world.updates.webhookInfo());
		registry.accept("setMyCommands", p -> world.locked(() -> world.commandMenus.set(p)));
		registry.accept("getMyCommands", p -> world.locked(() -> world.commandMenus.get(p)));
		registry.accept("deleteMyCommands", p -> world.locked(() -> world.commandMenus.delete(p)));
		registry.accept("setMyName", p -> setting("name", p, p.string("name")));
		registry.accept("setMyDescription", p -> setting("description", p, p.string("description")));
		registry.accept("setMyShortDescription", p -> setting("short_description", p, p.string("short_description")));
		registry.accept("setChatMenuButton", p -> true);
		registry.accept("setMyDefaultAdministratorRights", p -> true);
	}

	private Object setting(String name, Params p, Object value) {
		return world.locked(() -> {
			world.botSettings.put(key(name, p), value == null ? "" : value);
			return true;
		});
	}

	private static String key(String name, Params p) {
		return name + "|" + p.string("scope") + "|" + p.string("language_code");
	}

	private Object getUpdates(Params p) {
		Long offset = p.longValue("offset");
		Long limit = p.longValue("limit");
		Long timeout = p.longValue("timeout");
		int boundedLimit = limit == null || limit <= 0 ? 100 : (int) Math.min(limit, 100);
		int timeoutSeconds = timeout == null ? 0 : (int) Math.max(0, Math.min(timeout, 600));
		return world.updates.poll(offset, boundedLimit, timeoutSeconds, p.stringList("allowed_updates"));
	}

	private Object setWebhook(Params p) {
		String url = p.string("url");
		boolean drop = p.bool("drop_pending_updates");
		List<String> allowed = p.stringList("allowed_updates");
		if (url == null || url.isEmpty()) {
			boolean had = world.updates.deleteWebhook(drop);
			return ApiResponse.ok(true, had ? "Webhook was deleted" : "Webhook is already deleted");
		}
		try {
			URI uri = URI.create(url);
			if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
				throw new IllegalArgumentException();
			}
		}
		catch (RuntimeException e) {
			throw TelegramError.badRequest("webhook_invalid", "bad webhook: Failed to resolve host: Name or service not known");
		}
		String secret = p.string("secret_token");
		if (secret != null && !secret.isEmpty() && !secret.matches("[A-Za-z0-9_-]{1,256}")) {
			throw TelegramError.badRequest("webhook_invalid", "secret token contains unallowed characters");
		}
		Long maxConnections = p.longValue("max_connections");
		int connections = maxConnections == null ? settings.webhookMaxConnections() : maxConnections.intValue();
		if (connections < 1 || connections > 100) {
			connections = Math.max(1, Math.min(100, connections));
		}
		world.updates.setWebhook(new UpdateQueue.Webhook(url, secret, connections), allowed, drop);
		return ApiResponse.ok(true, "Webhook was set");
	}

	private Object deleteWebhook(Params p) {
		boolean had = world.updates.deleteWebhook(p.bool("drop_pending_updates"));
		return ApiResponse.ok(true, had ? "Webhook was deleted" : "Webhook is already deleted");
	}
}
