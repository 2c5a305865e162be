package framework
