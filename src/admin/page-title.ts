/**
 * Fired by an admin page once it knows what it shows (a user's or a group's name), so the shell
 * can title the document after it ("alice - authentik") rather than after the route ("User").
 */
export class PageTitleEvent extends Event {
  static readonly eventName = "ak-page-title";
  constructor(readonly title: string) {
    super(PageTitleEvent.eventName, { bubbles: true, composed: true });
  }
}
