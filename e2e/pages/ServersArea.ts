import type { Locator } from '@playwright/test';
import { ScreenArea } from './ScreenArea.ts';

/** The servers list and the load bars: add, edit, drain, crash and revive servers. */
export class ServersArea extends ScreenArea {
  /** Every server's row, in list order. */
  get rows(): Locator {
    return this.byId('server.row');
  }

  /** Each row's "active/capacity" figure, in list order. */
  get loads(): Locator {
    return this.byId('server.load');
  }

  /** The row of the server called `name`. */
  row(name: string): Locator {
    return this.page.locator(`[data-testid="server.row"][data-name="${name}"]`);
  }

  /** The server's bar in the load panel. */
  loadBar(name: string): Locator {
    return this.page.locator(`[data-testid="load.bar"][data-name="${name}"]`);
  }

  /** Adds a server (named next in the Server-A, Server-B… sequence). */
  async add(): Promise<void> {
    await this.byId('servers.add').click();
  }

  /** Opens (or closes) the server's editor. */
  async edit(name: string): Promise<void> {
    await this.row(name).getByTestId('server.edit').click();
  }

  /** Types a capacity into the open editor and presses Enter. */
  async setCapacity(name: string, capacity: string): Promise<void> {
    const field = this.row(name).getByTestId('server.capacity');
    await field.fill(capacity);
    await field.press('Enter');
  }

  /** Renames the server through its editor, and closes the editor again. */
  async rename(name: string, to: string): Promise<void> {
    await this.edit(name);
    const field = this.row(name).getByTestId('server.name');
    await field.fill(to);
    await field.press('Enter');
    await this.row(to).getByTestId('server.edit').click();
  }

  /** Drains the server: takes nothing new, finishes what it holds, then down. */
  async kill(name: string): Promise<void> {
    await this.row(name).getByTestId('server.kill').click();
  }

  /** Takes the server down at once; what it holds fails. */
  async crash(name: string): Promise<void> {
    await this.row(name).getByTestId('server.crash').click();
  }

  async revive(name: string): Promise<void> {
    await this.row(name).getByTestId('server.revive').click();
  }
}
