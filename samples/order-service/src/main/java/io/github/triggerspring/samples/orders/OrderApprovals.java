package io.github.triggerspring.samples.orders;

import java.time.Duration;
import java.util.Map;

import io.github.triggerspring.waitpoints.CreateTokenOptions;
import io.github.triggerspring.waitpoints.RetrievedWaitpointToken;
import io.github.triggerspring.waitpoints.WaitpointsClient;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Approves orders by completing a waitpoint token. The token of an order is named by the
 * idempotency key {@code approve-order:<id>}, so the {@code process-order} task (which
 * creates a token with the same key and waits for it with {@code wait.forToken}) and this
 * service find the same token, whichever creates it first.
 *
 * @author trigger-spring-boot contributors
 */
@Service
public class OrderApprovals {

	/** How long an order waits for its approval before its token times out. */
	static final Duration APPROVAL_TIMEOUT = Duration.ofDays(7);

	private final WaitpointsClient waitpoints;

	public OrderApprovals(WaitpointsClient waitpoints) {
		this.waitpoints = waitpoints;
	}

	/**
	 * Approves an order: completes its waitpoint token with who approved it. Approving an
	 * order twice keeps the first approval.
	 * @param orderId the order id
	 * @param approvedBy who approves it
	 * @return the order's token, after the approval
	 */
	public Mono<RetrievedWaitpointToken> approve(String orderId, String approvedBy) {
		CreateTokenOptions options = CreateTokenOptions.builder()
			.idempotencyKey("approve-order:" + orderId)
			.timeout(APPROVAL_TIMEOUT)
			.tags("order:" + orderId)
			.build();
		return this.waitpoints.createToken(options)
			.flatMap((token) -> this.waitpoints
				.completeToken(token.id(), Map.of("approved", true, "approvedBy", approvedBy))
				.then(this.waitpoints.retrieveToken(token.id())));
	}

}
