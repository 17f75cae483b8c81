/**
 * Gathers single calls into batches: a call waits at most `lingerMs` for others to join it, and a batch
 * goes as soon as it holds `maxSize`. Each caller gets its own result (or the batch's error). Used where
 * one round trip for many rows is far cheaper than one per row (the send path's database work).
 */
export class MicroBatcher<In, Out> {
  private pending: { input: In; resolve: (out: Out) => void; reject: (error: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly options: { maxSize: number; lingerMs: number },
  ) {}

  call(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (this.pending.length >= this.options.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.lingerMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.run(batch.map((call) => call.input)).then(
      (outs) => batch.forEach((call, index) => call.resolve(outs[index])),
      (error: unknown) => batch.forEach((call) => call.reject(error)),
    );
  }
}
