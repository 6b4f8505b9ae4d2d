package com.b2brics.connect;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.b2brics.connect.sandbox.SandboxServer;

/**
 * B2BRICS Connect: storefront clicks become working Telegram chats. One modular monolith; each
 * top-level package is a module verified by Spring Modulith, {@code core} is the shared kernel.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "core")
public class ConnectApplication {

	/** {@code java -jar app.jar sandbox [--server.port=9000 ...]} runs only the Telegram sandbox. */
	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("sandbox")) {
			SandboxServer.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(ConnectApplication.class, args);
	}
}
