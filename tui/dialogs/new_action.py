"""`n` on the dashboard and the actions list: the new-action dialog, then the
write in a worker (store/moments/visits.py `new_action`), then `done(action)` or an error
notification. One place, so both screens behave alike."""

from __future__ import annotations

from typing import Callable

from textual.screen import Screen

from store.errors import SpiegelError
from store.i18n import t
from store.model.records import Action
from store.persistence.repository import Store
from store.text import visible
from store.moments.visits import ActionDraft, new_action


def start_new_action(screen: Screen, store: Store, slug: str, done: Callable[[Action], None]) -> None:
    from tui.dialogs.action_dialog import ActionDialog

    def create(draft: ActionDraft) -> None:
        try:
            action = new_action(store, slug, draft)
        except SpiegelError as error:
            message = t("tui.write_failed", error=visible(str(error)))
            screen.app.call_from_thread(screen.notify, message, severity="error", markup=False, timeout=10)
            return
        screen.app.call_from_thread(done, action)

    def chosen(draft: ActionDraft | None) -> None:
        if draft is not None:
            screen.run_worker(lambda: create(draft), thread=True, group="new-action", exit_on_error=False)

    dialog = ActionDialog(t("dialog.action_title"), store.today(), [], store=store, slug=slug)
    screen.app.push_screen(dialog, chosen)
