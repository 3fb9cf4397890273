package dev.herald.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Dispatcher nodes a test runs instead of this JVM's own: before each test this JVM's
 * dispatcher stops, so only the nodes the test starts send; after it they stop and this
 * JVM's dispatcher starts again. Register on an application test with
 * {@code @RegisterExtension final TestNodes nodes = new TestNodes();}.
 */
final class TestNodes implements BeforeEachCallback, AfterEachCallback {

	private final List<Dispatcher> started = new ArrayList<>();

	private @Nullable ApplicationContext context;

	@Override
	public void beforeEach(ExtensionContext extension) {
		this.context = SpringExtension.getApplicationContext(extension);
		this.context.getBean(Dispatcher.class).stop();
	}

	@Override
	public void afterEach(ExtensionContext extension) {
		this.started.forEach(Dispatcher::stop);
		this.started.clear();
		context().getBean(Dispatcher.class).start();
	}

	/** Starts a node on this database. */
	Dispatcher start(String name, DeliveryProperties properties) {
		return started(context().getBean(DeliveryFixtures.class).node(name, properties));
	}

	/** Starts a node that reads the time from {@code clock}. */
	Dispatcher start(String name, DeliveryProperties properties, Clock clock) {
		return started(context().getBean(DeliveryFixtures.class).node(name, properties, clock));
	}

	private Dispatcher started(Dispatcher node) {
		this.started.add(node);
		node.start();
		return node;
	}

	private ApplicationContext context() {
		return Objects.requireNonNull(this.context, "not inside a test");
	}

}
