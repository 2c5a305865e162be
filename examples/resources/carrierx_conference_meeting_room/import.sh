# By the endpoint's SID and the room's, joined by a slash.
terraform import carrierx_conference_meeting_room.weekly 0b1c2d3e-0000-4000-8000-0000000000e1/0b1c2d3e-0000-4000-8000-0000000000a1
