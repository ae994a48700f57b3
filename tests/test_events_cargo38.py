"""Vehicles and what they carry (issue #7): the cargo types the movement or sending.

A convoy "laden with flour" that "crossed into" a town delivers aid; trucks "loaded with
soldiers" that "headed for the front" are forces moved. Passengers, explosives and an attack on
the loaded vehicle keep their own reading. All sentences are invented.
"""

import pytest

from newstrail.events import event_types_many

CASES = [
    # relief goods carried: aid delivered, whatever verb moves the vehicle
    ("AID", "Lorries laden with lentils and blankets crossed into the besieged town of Harrow Vale at dawn."),
    ("AID", "Ostrava dispatched four cargo planes carrying 30 tonnes of food to the flooded delta."),
    ("AID", "Helicopters loaded with tents and bottled water flew to the hamlets cut off by the mudslide."),
    ("AID", "Kelmar sent two ships loaded with medicine and flour to the famine-hit coast."),
    # troops or arms carried: forces moved
    ("MOBILIZE", "Trucks loaded with soldiers and rifles headed for the eastern front overnight."),
    ("MOBILIZE", "A ship carrying tanks and artillery docked at Port Senna ahead of the drills."),
    # the loaded vehicle as the target, or a vehicle bomb: the attack
    ("ASSAULT", "A drone struck a lorry carrying medicine near Tavrin, killing the driver."),
    ("ASSAULT", "A van packed with explosives blew up beside the barracks gate."),
    ("ASSAULT", "Gunmen opened fire on a bus carrying pilgrims, wounding eleven."),
]


@pytest.mark.parametrize("gold,sentence", CASES)
def test_cargo_types_the_vehicle_and_its_movement(gold: str, sentence: str) -> None:
    assert event_types_many([sentence])[0][0] == gold
