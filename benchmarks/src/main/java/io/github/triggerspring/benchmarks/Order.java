package io.github.triggerspring.benchmarks;

import java.math.BigDecimal;
import java.util.List;

/**
 * The payload the benchmarks trigger with: a small order, about 300 bytes of JSON, or
 * a document of a given size.
 *
 * @param orderId the order id
 * @param customerEmail the customer's email
 * @param lines the order's lines
 * @param total the total
 * @param notes free text; large for the large-payload scenario
 * @author trigger-spring-boot contributors
 */
public record Order(String orderId, String customerEmail, List<Line> lines, BigDecimal total, String notes) {

	/**
	 * A small order.
	 * @param number the order number
	 * @return the order
	 */
	static Order sample(int number) {
		return new Order("ord_" + number, "customer" + number + "@example.com",
				List.of(new Line("sku_1", 2, new BigDecimal("19.90")), new Line("sku_2", 1, new BigDecimal("5.00"))),
				new BigDecimal("44.80"), "Leave at the door");
	}

	/**
	 * An order whose notes make its JSON about the given size.
	 * @param bytes the size of the notes, in ASCII characters
	 * @return the order
	 */
	static Order large(int bytes) {
		Order sample = sample(0);
		return new Order(sample.orderId(), sample.customerEmail(), sample.lines(), sample.total(),
				"x".repeat(bytes));
	}

	/**
	 * One line of an order.
	 *
	 * @param sku the product
	 * @param quantity how many
	 * @param price the unit price
	 */
	public record Line(String sku, int quantity, BigDecimal price) {

	}

}
