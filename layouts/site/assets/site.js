// The site's one script: optional comfort, nothing needs it. Without it every sector map is
// shown and the register is a plain list.
//  - Sector switch: shows one overview map (PO, VO, MBO) at a time, chosen with buttons.
//  - Filter: a search box above the municipality register.
//  - Map size: where a region's detail map is shrunk to fit a narrow screen (its names get
//    small), a button shows it at full size in a box that scrolls sideways. Without the script
//    the map fits the screen and the list under it names every municipality.
(function () {
  "use strict";

  function sectorSwitch() {
    var maps = document.querySelectorAll(".sector-map");
    if (maps.length < 2) return;
    var group = document.createElement("div");
    group.className = "sector-switch";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Kaart kiezen: onderwijssector");
    var buttons = [];
    function show(index) {
      maps.forEach(function (map, i) {
        map.hidden = i !== index;
        buttons[i].setAttribute("aria-pressed", i === index ? "true" : "false");
      });
    }
    maps.forEach(function (map, i) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = map.getAttribute("data-label");
      button.addEventListener("click", function () { show(i); });
      buttons.push(button);
      group.appendChild(button);
    });
    maps[0].parentNode.insertBefore(group, maps[0]);
    show(0);
  }

  function filter() {
    var box = document.getElementById("filter");
    if (!box) return;
    var register = document.getElementById(box.getAttribute("data-target"));
    var label = document.createElement("label");
    label.setAttribute("for", "filter-input");
    label.textContent = "Zoek een gemeente";
    var input = document.createElement("input");
    input.type = "search";
    input.id = "filter-input";
    input.autocomplete = "off";
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(status);
    input.addEventListener("input", function () {
      var query = input.value.trim().toLowerCase();
      var shown = 0;
      register.querySelectorAll("section").forEach(function (section) {
        var any = false;
        section.querySelectorAll(".municipality").forEach(function (name) {
          var item = name.parentNode;
          var match = name.textContent.toLowerCase().indexOf(query) !== -1;
          item.hidden = !match;
          if (match) { any = true; shown += 1; }
        });
        section.hidden = !any;
      });
      status.textContent = query ? shown + (shown === 1 ? " gemeente gevonden" : " gemeenten gevonden") : "";
    });
  }

  function mapSize() {
    document.querySelectorAll(".detail-map").forEach(function (figure) {
      var box = figure.querySelector(".map-scroll");
      var svg = box && box.querySelector("svg");
      if (!svg) return;
      var full = parseFloat(svg.getAttribute("width"));
      var button = document.createElement("button");
      button.type = "button";
      button.className = "map-size";
      button.textContent = "Kaart vergroten";
      button.setAttribute("aria-pressed", "false");
      function set(large) {
        figure.classList.toggle("full-size", large);
        button.setAttribute("aria-pressed", large ? "true" : "false");
        if (large) {
          // A box that scrolls is reachable by keyboard, and says what it holds.
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", "Kaart, vergroot; schuift opzij");
          box.scrollLeft = (box.scrollWidth - box.clientWidth) / 2;
        } else {
          box.removeAttribute("tabindex");
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
        }
      }
      // Offered only where the map is shown at less than three quarters of its size.
      function offer() {
        var shrunk = box.clientWidth < full * 0.75;
        button.hidden = !shrunk && !figure.classList.contains("full-size");
      }
      button.addEventListener("click", function () {
        set(!figure.classList.contains("full-size"));
      });
      figure.insertBefore(button, box);
      window.addEventListener("resize", offer);
      offer();
    });
  }

  sectorSwitch();
  filter();
  mapSize();
})();
