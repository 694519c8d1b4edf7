// A failed htmx request says so. htmx swaps nothing when the answer is an error, so a
// refused or failed click would otherwise seem to do nothing at all.
(() => {
  const box = () => document.getElementById("request-problem");
  const kinds = { 403: "forbidden", 404: "missing" };
  const show = (kind) => {
    const element = box();
    if (!element) return;
    element.textContent = element.dataset[kind] || element.dataset.other;
    element.classList.remove("d-none");
  };
  document.addEventListener("htmx:responseError", (event) => {
    show(kinds[event.detail.xhr.status] || "other");
  });
  document.addEventListener("htmx:sendError", () => show("offline"));
  document.addEventListener("htmx:beforeRequest", () => box()?.classList.add("d-none"));
  document.addEventListener("click", (event) => {
    if (event.target === box()) event.target.classList.add("d-none");
  });
})();
