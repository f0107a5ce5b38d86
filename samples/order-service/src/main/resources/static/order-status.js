// Places an order and lists the states its run goes through, as the sample's
// Server-Sent Events endpoint reports them. Plain JavaScript, no build step.
(function () {
	'use strict';

	var form = document.getElementById('order-form');
	var orderIdInput = document.getElementById('order-id');
	var amountInput = document.getElementById('amount');
	var runId = document.getElementById('run-id');
	var current = document.getElementById('current');
	var error = document.getElementById('error');
	var states = document.getElementById('states');
	var source = null;

	orderIdInput.value = 'order-' + Date.now();

	function reset() {
		if (source) {
			source.close();
			source = null;
		}
		runId.textContent = '-';
		current.textContent = '-';
		error.textContent = '';
		states.replaceChildren();
	}

	// Lists a status once, even when a reconnect sends the current one again.
	function seen(status) {
		current.textContent = status;
		var last = states.lastElementChild;
		if (last && last.dataset.status === status) {
			return;
		}
		var item = document.createElement('li');
		item.dataset.status = status;
		item.textContent = status;
		states.appendChild(item);
	}

	function follow(orderId) {
		source = new EventSource('orders/' + encodeURIComponent(orderId) + '/status');
		source.addEventListener('status', function (event) {
			var update = JSON.parse(event.data);
			runId.textContent = update.runId;
			seen(update.status);
			if (update.finished) {
				// the server ends the stream here; closing stops EventSource from reconnecting
				source.close();
				source = null;
			}
		});
		source.onerror = function () {
			if (source && source.readyState === EventSource.CLOSED) {
				error.textContent = 'The status stream closed before the run finished.';
			}
		};
	}

	form.addEventListener('submit', function (event) {
		event.preventDefault();
		reset();
		var orderId = orderIdInput.value.trim();
		fetch('orders/' + encodeURIComponent(orderId), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ amount: Number(amountInput.value) })
		}).then(function (response) {
			return response.json().then(function (body) {
				if (!response.ok) {
					throw new Error(body.error || ('HTTP ' + response.status));
				}
				return body;
			});
		}).then(function (order) {
			runId.textContent = order.runId;
			follow(orderId);
		}).catch(function (failure) {
			error.textContent = 'Could not place the order: ' + failure.message;
		});
	});
})();
