import { requestSlots } from '../../../../nodes/TempMail/transport/slots';

describe('requestSlots', () => {
	it('never gives out more than the limit, and hands freed slots to waiters in order', async () => {
		const slots = requestSlots(2);
		let open = 0;
		let most = 0;
		const order: number[] = [];
		const work = async (n: number, ms: number) => {
			const release = await slots.take();
			open++;
			most = Math.max(most, open);
			order.push(n);
			await new Promise((resolve) => setTimeout(resolve, ms));
			open--;
			release();
		};
		await Promise.all([work(0, 30), work(1, 5), work(2, 5), work(3, 5), work(4, 5)]);
		expect(most).toBe(2);
		expect(order).toEqual([0, 1, 2, 3, 4]);
	});

	it('a slot given back twice counts once', async () => {
		const slots = requestSlots(1);
		const release = await slots.take();
		release();
		release();
		const second = await slots.take();
		let thirdTaken = false;
		void slots.take().then(() => (thirdTaken = true));
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(thirdTaken).toBe(false);
		second();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(thirdTaken).toBe(true);
	});
});
