// Progressive enhancement: drag choices to reorder them. Without JavaScript the up/down buttons work.
document.addEventListener("DOMContentLoaded", () => {
  const list = document.querySelector("ol.choices[data-reorder-url]");
  if (!list) return;
  let dragged = null;
  for (const item of list.querySelectorAll("li")) {
    item.draggable = true;
    item.addEventListener("dragstart", () => { dragged = item; item.classList.add("dragging"); });
    item.addEventListener("dragend", () => { item.classList.remove("dragging"); dragged = null; save(); });
    item.addEventListener("dragover", (event) => {
      event.preventDefault();
      if (!dragged || dragged === item) return;
      const box = item.getBoundingClientRect();
      const after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? item.nextSibling : item);
    });
  }
  function save() {
    const body = new URLSearchParams();
    body.append("_csrf", list.dataset.csrf);
    for (const item of list.querySelectorAll("li")) body.append("slot[]", item.dataset.slotId);
    fetch(list.dataset.reorderUrl, { method: "POST", body, headers: { "X-Requested-With": "fetch" } })
      .then((response) => { if (!response.ok) location.reload(); else renumber(); })
      .catch(() => location.reload());
  }
  function renumber() {
    let rank = 1;
    for (const item of list.querySelectorAll("li .rank")) item.textContent = String(rank++);
  }
});
