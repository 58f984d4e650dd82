// Timeline filter: hides events whose entities/label do not contain the typed text, or whose
// type differs from the selected one. Works offline; touches nothing but the timeline.
(function () {
  var text = document.getElementById("filter-text");
  var type = document.getElementById("filter-type");
  var count = document.getElementById("filter-count");
  if (!text || !type || !count) return;
  var events = document.querySelectorAll("#timeline article.event");
  function apply() {
    var query = text.value.trim().toLowerCase();
    var wanted = type.value;
    var shown = 0;
    events.forEach(function (event) {
      var ok = (!wanted || event.dataset.type === wanted) &&
        (!query || event.dataset.search.indexOf(query) >= 0);
      event.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = shown + " of " + events.length + " events";
  }
  text.addEventListener("input", apply);
  type.addEventListener("change", apply);
  apply();
})();
