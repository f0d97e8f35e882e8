// Progress of a long replay on stderr: a bar redrawn in place on a terminal, else a line
// every tenth of the way (logs and CI output stay short).

export class Progress {
  private lastDraw = 0;
  private lastTenth = -1;
  private readonly started = Date.now();

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(fraction: number, visits: number): void {
    const now = Date.now();
    if (this.stream.isTTY) {
      if (now - this.lastDraw < 100) return;
      this.lastDraw = now;
      const width = 30;
      const filled = Math.round(Math.min(1, fraction) * width);
      this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent(fraction)} ${this.status(visits, now)}`);
      return;
    }
    const tenth = Math.floor(Math.min(1, fraction) * 10);
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.stream.write(`replay: ${percent(fraction)} ${this.status(visits, now)}\n`);
  }

  done(visits: number): void {
    const line = `replay: done, ${this.status(visits, Date.now())}`;
    this.stream.write(this.stream.isTTY ? `\r${line}${' '.repeat(20)}\n` : `${line}\n`);
  }

  private status(visits: number, now: number): string {
    const seconds = (now - this.started) / 1000;
    return `${visits.toLocaleString('en')} visits, ${seconds.toFixed(1)} s`;
  }
}

function percent(fraction: number): string {
  return `${(Math.min(1, fraction) * 100).toFixed(0).padStart(3)}%`;
}
