/**
 * A progress bar on one terminal line (redrawn in place on a terminal, one line per step when the
 * output is a file or a pipe), with notes printed above it.
 */
export class ProgressLine {
  private readonly live = process.stdout.isTTY === true;

  constructor(private readonly total: number) {}

  update(done: number, label: string): void {
    const width = 24;
    const filled = Math.round((done / Math.max(this.total, 1)) * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${label}`;
    if (this.live) process.stdout.write(`\r\u001b[2K${line}`);
    else console.log(line);
  }

  note(message: string): void {
    if (this.live) process.stdout.write('\r\u001b[2K');
    console.log(message);
  }

  end(): void {
    if (this.live) process.stdout.write('\n');
  }
}
