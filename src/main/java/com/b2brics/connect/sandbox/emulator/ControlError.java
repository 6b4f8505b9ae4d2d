package com.b2brics.connect.sandbox.emulator;

/**
 * A refused control API call: 400 for bad input, 404 for an unknown user, chat, message or
 * button, 409 when the simulated person cannot do that now (e.g. writing to a bot they blocked).
 */
public final class ControlError extends RuntimeException {

	private final int status;

	ControlError(int status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	static ControlError badInput(String message) {
		return new ControlError(400, message);
	}

	static ControlError notFound(String message) {
		return new ControlError(404, message);
	}

	static ControlError conflict(String message) {
		return new ControlError(409, message);
	}

	public int status() {
		return status;
	}
}
