package com.b2brics.bench;

import java.io.PrintStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.b2brics.connect.simulation.Simulation;
import com.b2brics.connect.simulation.World;

/**
 * Runs the whole-flow simulation for many seeds, each on a fresh world (sandbox, database, app),
 * so a failing seed replays exactly with {@code WholeFlowSimulationTests#replay}. Reports how many
 * seeds and steps ran, how long they took, and every failure with its seed. Started by
 * {@code bench/run-simulation.sh}; settings as system properties: {@code sim.first-seed},
 * {@code sim.seeds}, {@code sim.steps}, {@code sim.faults-every} (every n-th seed with faults, 0:
 * none), {@code sim.restart-every} (every n-th seed with a restart mid-flow, 0: none),
 * {@code sim.out} (directory for the report and the failures).
 */
public final class SimulationBench {

	private SimulationBench() {
	}

	public static void main(String[] args) throws Exception {
		long first = Long.getLong("sim.first-seed", 1);
		int seeds = Integer.getInteger("sim.seeds", 100);
		int steps = Integer.getInteger("sim.steps", 40);
		int faultsEvery = Integer.getInteger("sim.faults-every", 3);
		int restartEvery = Integer.getInteger("sim.restart-every", 4);
		Path out = Path.of(System.getProperty("sim.out", "target/simulation"));
		Files.createDirectories(out);
		PrintStream report = new PrintStream(new FileOutputStream(out.resolve("report.txt").toFile(), true), true);
		PrintStream console = System.out;
		long started = System.nanoTime();
		long stepsRun = 0;
		long leads = 0;
		long invitations = 0;
		long offers = 0;
		long faults = 0;
		long duplicates = 0;
		int withFaults = 0;
		int withRestart = 0;
		List<String> failures = new ArrayList<>();
		for (long seed = first; seed < first + seeds; seed++) {
			boolean withFaultsNow = faultsEvery > 0 && seed % faultsEvery == 0;
			boolean restartNow = restartEvery > 0 && seed % restartEvery == 0;
			Simulation.Settings settings = new Simulation.Settings(seed, steps, withFaultsNow, restartNow);
			long began = System.nanoTime();
			String line;
			try (World world = World.start()) {
				Simulation.Result result = Simulation.run(world, settings);
				stepsRun += result.steps();
				leads += result.leads();
				invitations += result.invitations();
				offers += result.offers();
				faults += result.faultsInjected();
				duplicates += result.duplicates();
				withFaults += withFaultsNow ? 1 : 0;
				withRestart += restartNow ? 1 : 0;
				line = String.format("seed %d ok: %d steps in %.1f s (faults %s, restart %s), %d leads, %d invitations, %d offers, %d faults injected, %d duplicates",
						seed, result.steps(), seconds(began), withFaultsNow, restartNow, result.leads(), result.invitations(),
						result.offers(), result.faultsInjected(), result.duplicates());
			}
			catch (Simulation.Failure failure) {
				failures.add(seed + " (" + settings.replay() + ")");
				Files.writeString(out.resolve("failure-" + seed + ".txt"), failure.getMessage());
				line = String.format("seed %d FAILED after %.1f s: %s", seed, seconds(began),
						failure.getMessage().lines().limit(2).reduce((a, b) -> a + " | " + b).orElse(""));
			}
			catch (Throwable t) {
				failures.add(seed + " (world: " + t + ")");
				line = String.format("seed %d could not run: %s", seed, t);
			}
			console.println(line);
			report.println(line);
		}
		double total = seconds(started);
		String summary = String.format("%nsimulation: %d seeds (%d with faults, %d with a restart), %d steps passed, %d failed seeds, in %s (%.1f s per seed); %d leads, %d invitations, %d offers, %d faults injected, %d duplicates inside the at-least-once window",
				seeds, withFaults, withRestart, stepsRun, failures.size(), Duration.ofSeconds((long) total), total / seeds, leads,
				invitations, offers, faults, duplicates);
		console.println(summary);
		report.println(summary);
		for (String failure : failures) {
			console.println("failed seed " + failure);
			report.println("failed seed " + failure);
		}
		report.close();
		System.exit(failures.isEmpty() ? 0 : 1);
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}
}
