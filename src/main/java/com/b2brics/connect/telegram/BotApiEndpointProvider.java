package com.b2brics.connect.telegram;

/**
 * Supplies the {@link BotApiEndpoint} when it is decided at run time rather than by
 * configuration, e.g. by a Bot API server started inside this process on the same web port.
 * Asked once the web server has started; when no provider exists, configuration decides.
 */
public interface BotApiEndpointProvider {

	BotApiEndpoint endpoint();
}
